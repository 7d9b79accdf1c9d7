package main

import (
	"os"

	"github.com/rapporteur/rapporteur/ui"
	"github.com/rapporteur/rapporteur/ui/cli"
	_ "github.com/rapporteur/rapporteur/ui/cli/quietlog" // Fyne's complaints about a C locale stay off the terminal
)

// version is the application's version; release builds set it with -ldflags "-X main.version=…".
var version = "0.1.0"

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(os.Args[1:], version, os.Stdout, os.Stderr))
	}
	os.Exit(ui.Main(os.Args[1:], version))
}
