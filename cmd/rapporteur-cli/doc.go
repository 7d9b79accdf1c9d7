// Command rapporteur-cli runs Rapporteur's headless subcommands (rapporteur-cli compare,
// check, render …) without the desktop interface. Unlike cmd/rapporteur, which serves both,
// it needs neither cgo nor graphics libraries: CGO_ENABLED=0 go build ./cmd/rapporteur-cli
// makes a static binary for a server or a CI job.
package main
