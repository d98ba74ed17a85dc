package main

import "github.com/urfave/cli/v2"

// defaultStore is the embedded bolt file used when neither --store nor FACTGRAPH_STORE is set.
const defaultStore = "factgraph.db"

// storeFlag binds the store address every store-using command takes.
func storeFlag(dest *string) *cli.StringFlag {
	return &cli.StringFlag{
		Name:        "store",
		Aliases:     []string{"s"},
		Usage:       "the `STORE`: a bolt file path, mem: for a store in memory, or postgres://USER@HOST/DB",
		EnvVars:     []string{"FACTGRAPH_STORE"},
		Value:       defaultStore,
		Destination: dest,
	}
}
