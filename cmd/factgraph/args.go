package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst lets flags follow arguments, as in "factgraph build samples -o out": urfave/cli
// stops reading flags at the first argument, so the flags of the command being run are
// moved in front of its arguments, in their order. Everything after "--" stays as it is.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	cmds := app.Commands
	var cmd *cli.Command
	// Walk down the command names: factgraph query obligations ...
	for len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		next := commandNamed(cmds, rest[0])
		if next == nil {
			break
		}
		cmd = next
		out = append(out, rest[0])
		rest = rest[1:]
		cmds = cmd.Subcommands
	}
	if cmd == nil {
		return args
	}
	var flags, positional []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			positional = append(positional, rest[i:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if takesValue(cmd, name) && i+1 < len(rest) {
			i++
			flags = append(flags, rest[i])
		}
	}
	out = append(out, flags...)
	return append(out, positional...)
}

// helpAsFlag reads "help" where a command is expected as --help on what follows it:
// "factgraph help query obligations" and "factgraph query help obligations" both show the
// help of query obligations. With nothing after it, it shows the help of where it stands.
func helpAsFlag(app *cli.App, args []string) []string {
	cmds := app.Commands
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "help" && len(cmds) > 0 {
			out := append([]string(nil), args[:i]...)
			// A name that is no command is left to fail as one ("unknown command");
			// after a command without subcommands, the rest is its arguments: dropped.
			for _, b := range args[i+1:] {
				if len(cmds) == 0 {
					break
				}
				next := commandNamed(cmds, b)
				if next == nil {
					return append(out, args[i+1:]...)
				}
				out = append(out, b)
				cmds = next.Subcommands
			}
			return append(out, "--help")
		}
		next := commandNamed(cmds, a)
		if strings.HasPrefix(a, "-") || next == nil {
			return args
		}
		cmds = next.Subcommands
	}
	return args
}

func commandNamed(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// takesValue reports whether the command's flag called name reads the next argument.
func takesValue(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if _, ok := f.(*cli.BoolFlag); ok {
				return false
			}
			return true
		}
	}
	return false
}
