// Command rapporteur starts the Rapporteur desktop application (ui.Main), or, when its first
// argument names a subcommand (rapporteur compare, presets, models, check, render, import,
// help), runs it headless through ui/cli without opening a window. It holds no logic.
package main
