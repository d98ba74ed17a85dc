package main

import "github.com/urfave/cli/v2"

// renderCommand is not built yet.
func renderCommand() *cli.Command { return nil }
