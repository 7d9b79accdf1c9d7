package main

import (
	"fmt"
	"os"

	"github.com/rapporteur/rapporteur/ui/cli"
	_ "github.com/rapporteur/rapporteur/ui/cli/quietlog" // Fyne's complaints about a C locale stay off the terminal
)

// version is the application's version; `make dist` sets it to what `git describe` says
// with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	if len(os.Args) == 2 && (os.Args[1] == "--version" || os.Args[1] == "-version") {
		fmt.Println("Rapporteur", version)
		return
	}
	os.Exit(cli.Run(os.Args[1:], version, os.Stdout, os.Stderr))
}
