package main

import "github.com/urfave/cli/v2"

// statsCommand is not built yet.
func statsCommand() *cli.Command { return nil }
