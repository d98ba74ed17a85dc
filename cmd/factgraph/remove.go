package main

import "github.com/urfave/cli/v2"

// removeCommand is not built yet.
func removeCommand() *cli.Command { return nil }
