package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/internal/suggest"
)

// usageError marks a command line the user got wrong (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// unknownCommand is the action of a command that has subcommands (the app itself, query):
// run with no argument it shows its help; with one that names no subcommand it says so and
// suggests the closest name, instead of urfave/cli's "No help topic" and exit status 3.
func unknownCommand(path string, cmds func() []*cli.Command) cli.ActionFunc {
	return func(c *cli.Context) error {
		if !c.Args().Present() {
			if path == "factgraph" {
				return cli.ShowAppHelp(c)
			}
			return cli.ShowSubcommandHelp(c)
		}
		name := c.Args().First()
		prefix := strings.TrimSpace(strings.TrimPrefix(path, "factgraph"))
		if prefix != "" {
			prefix += " "
		}
		var names []string
		for _, cmd := range cmds() {
			if !cmd.Hidden {
				names = append(names, cmd.Names()...)
			}
		}
		if near, ok := suggest.Closest(name, names); ok {
			return usagef("unknown command %q; did you mean %q?", prefix+name, prefix+near)
		}
		return usagef("unknown command %q; %s --help lists the commands", prefix+name, path)
	}
}

// goFlagError matches the errors of Go's flag package, which name a flag with one dash.
var goFlagError = regexp.MustCompile(`^(flag provided but not defined:|flag needs an argument:|invalid (?:boolean )?value ".*" for flag) -{1,2}([^\s:]+)(.*)$`)

// flagError rewords a flag the command line got wrong: the flag with its dashes as the
// user writes them, and the closest flag of the command when there is one.
func flagError(cmd *cli.Command, path string, err error) error {
	m := goFlagError.FindStringSubmatch(err.Error())
	if m == nil {
		return usageError{err}
	}
	what, name, rest := m[1], m[2], m[3]
	shown := dashed(name)
	switch {
	case what == "flag provided but not defined:":
		var names []string
		if cmd != nil {
			for _, f := range cmd.Flags {
				for _, n := range f.Names() {
					if len(n) > 1 {
						names = append(names, n)
					}
				}
			}
		}
		if len(name) > 1 {
			if near, ok := suggest.Closest(name, names); ok {
				return usagef("unknown flag %s; did you mean %s?", shown, dashed(near))
			}
		}
		return usagef("unknown flag %s; %s --help lists the flags", shown, path)
	case what == "flag needs an argument:":
		return usagef("flag %s needs a value", shown)
	default:
		value := strings.TrimSuffix(strings.TrimPrefix(what, "invalid value "), " for flag")
		value = strings.TrimPrefix(value, "invalid boolean value ")
		return usagef("invalid value %s for flag %s%s", value, shown, rest)
	}
}

// dashed writes a flag name as it is typed: -o, --format.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// markUsageErrors makes a bad flag or argument of any command exit with status 2, and gives
// every command with subcommands an answer for a name it does not know.
func markUsageErrors(path string, cmds []*cli.Command) {
	for _, c := range cmds {
		c := c
		p := path + " " + c.Name
		if c.OnUsageError == nil {
			c.OnUsageError = func(_ *cli.Context, err error, _ bool) error { return flagError(c, p, err) }
		}
		if len(c.Subcommands) > 0 && c.Action == nil {
			c.Action = unknownCommand(p, func() []*cli.Command { return c.Subcommands })
			c.HideHelpCommand = true // "help" is read as --help (helpAsFlag)
		}
		markUsageErrors(p, c.Subcommands)
	}
}
