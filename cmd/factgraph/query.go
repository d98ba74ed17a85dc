package main

import "github.com/urfave/cli/v2"

// queryCommand is not built yet.
func queryCommand() *cli.Command { return nil }
