package main

import "github.com/urfave/cli/v2"

// sourcesCommand is not built yet.
func sourcesCommand() *cli.Command { return nil }
