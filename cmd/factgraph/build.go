package main

import "github.com/urfave/cli/v2"

// buildCommand is not built yet.
func buildCommand() *cli.Command { return nil }
