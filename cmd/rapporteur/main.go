package main

import (
	"fmt"
	"os"

	"github.com/rapporteur/rapporteur/cmd/rapporteur/internal/console"
	"github.com/rapporteur/rapporteur/ui"
	"github.com/rapporteur/rapporteur/ui/cli"
	_ "github.com/rapporteur/rapporteur/ui/cli/quietlog" // Fyne's complaints about a C locale stay off the terminal
)

// version is the application's version; `make build` and `make dist` set it to what
// `git describe` says with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 1 && (args[0] == "--version" || args[0] == "-version"):
		console.Attach()
		fmt.Println("Rapporteur", version)
	case len(args) > 0 && cli.IsCommand(args[0]):
		console.Attach()
		os.Exit(cli.Run(args, version, os.Stdout, os.Stderr))
	default:
		os.Exit(ui.Main(args, version))
	}
}
