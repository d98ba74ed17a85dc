package main

import "github.com/urfave/cli/v2"

// ingestCommand is not built yet.
func ingestCommand() *cli.Command { return nil }
