// Command rapporteur starts the Rapporteur desktop application.
package main

import (
	_ "codeberg.org/go-pdf/fpdf"
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/lang"
	_ "fyne.io/fyne/v2/test"
	_ "golang.org/x/text/encoding/charmap"
	_ "modernc.org/sqlite"
)

func main() {}
