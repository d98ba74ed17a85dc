package main

import "github.com/urfave/cli/v2"

// validateCommand is not built yet.
func validateCommand() *cli.Command { return nil }
