package ui

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/assets"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/store"
)

// AppID is the application's identifier, as in FyneApp.toml.
const AppID = "fr.rapporteur.app"

// Main starts the desktop application with the command-line arguments args (--workspace PATH)
// and returns the process's exit status once the window is closed.
func Main(args []string, version string) int {
	flags := flag.NewFlagSet("rapporteur", flag.ContinueOnError)
	workspace := flags.String("workspace", "", "path of the workspace file (default: in the user's data folder)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	app.SetMetadata(fyne.AppMetadata{
		ID: AppID, Name: "Rapporteur", Version: version,
		Icon:       fyne.NewStaticResource("Icon.png", assets.Icon),
		Migrations: map[string]bool{"fyneDo": true},
	})
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("Icon.png", assets.Icon))
	if err := LoadTranslations(LanguagePreference(a)); err != nil {
		fmt.Fprintln(os.Stderr, "rapporteur: translations:", err)
	}
	ApplyTheme(a, ThemePreference(a))
	w := a.NewWindow("Rapporteur")
	w.Resize(fyne.NewSize(1280, 800))

	st, err := openWorkspace(*workspace)
	if err != nil {
		showFatal(w, err)
		w.ShowAndRun()
		return 1
	}
	defer st.Close()
	engine := newOllamaEngine(a, st)
	Create(a, w, Deps{
		Store:   st,
		Presets: model.BuiltinPresets(),
		Engines: []generate.Engine{generate.NewBuiltin(), engine},
		Ollama:  engine,
		Version: version,
	})
	w.ShowAndRun()
	return 0
}

func openWorkspace(path string) (*store.Store, error) {
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	return store.Open(path)
}

// showFatal fills the window with an explanation when the workspace cannot be opened.
func showFatal(w fyne.Window, err error) {
	msg := widget.NewLabel(lang.L("The workspace cannot be opened: {{.Reason}}", map[string]any{"Reason": ErrorText(err)}))
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewPadded(msg))
}
