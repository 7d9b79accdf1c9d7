package ui

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
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

	path, st, err := openWorkspace(*workspace)
	if err != nil {
		showFatal(w, path, err)
		w.ShowAndRun()
		return 1
	}
	defer st.Close()
	engine := newOllamaEngine(a, st)
	ks := keysFor(st)
	compatible := newOpenAIEngine(a, st, ks)
	Create(a, w, Deps{
		Store:   st,
		Presets: model.BuiltinPresets(),
		Engines: []generate.Engine{generate.NewBuiltin(), engine, compatible},
		Ollama:  engine,
		OpenAI:  compatible,
		Keys:    ks,
		Version: version,
	})
	w.ShowAndRun()
	return 0
}

// openWorkspace opens the workspace at path, or at its usual place when path is empty, and
// returns the path it tried.
func openWorkspace(path string) (string, *store.Store, error) {
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return "", nil, err
		}
		path = p
	}
	st, err := store.Open(path)
	return path, st, err
}

// fatalScreen fills the window when the workspace at path cannot be opened: why, and for a
// damaged file, a way to copy what can still be read into a new workspace beside it.
type fatalScreen struct {
	path    string
	message *widget.Label
	salvage *widget.Button
	result  *widget.Label
}

// showFatal fills the window with an explanation when the workspace cannot be opened.
func showFatal(w fyne.Window, path string, err error) *fatalScreen {
	f := &fatalScreen{path: path, result: wrapLabel("")}
	f.message = wrapLabel(lang.L("The workspace cannot be opened: {{.Reason}}", map[string]any{"Reason": ErrorText(err)}))
	content := container.NewVBox(f.message)
	if errors.Is(err, store.ErrCorrupt) && path != "" {
		f.message.SetText(lang.L("The workspace file {{.Path}} is damaged. Rapporteur does not write to it, so as not to damage it further: keep it as it is. You can copy what can still be read into a new workspace beside it.",
			map[string]any{"Path": path}))
		f.salvage = widget.NewButtonWithIcon(lang.L("Copy what can be read"), theme.DocumentSaveIcon(), f.onSalvage)
		f.salvage.Importance = widget.HighImportance
		content.Add(container.NewHBox(f.salvage))
		content.Add(f.result)
	}
	w.SetContent(container.NewPadded(content))
	return f
}

// onSalvage copies what can be read of the damaged workspace, off the UI thread.
func (f *fatalScreen) onSalvage() {
	f.salvage.Disable()
	f.result.SetText(lang.L("Copying what can be read…"))
	go func() {
		got, err := store.Salvage(context.Background(), f.path)
		runOnUI(func() { f.showSalvaged(got, err) })
	}()
}

// showSalvaged says where the copy is, what it holds and how to open it.
func (f *fatalScreen) showSalvaged(got store.Salvaged, err error) {
	if err != nil {
		f.result.SetText(lang.L("The copy failed: {{.Reason}}", map[string]any{"Reason": ErrorText(err)}))
		f.salvage.Enable()
		return
	}
	data := map[string]any{"Path": got.Path, "Reports": got.Reports, "Revisions": got.Revisions, "Variants": got.Variants}
	text := lang.L("Copied to {{.Path}} — reports: {{.Reports}}, versions: {{.Revisions}}, variants: {{.Variants}}.", data)
	if !got.Complete || got.Lost > 0 {
		text += "\n" + lang.L("Parts of the damaged file could not be read: what they held is not in the copy.")
	}
	text += "\n" + lang.L("To work in the copy, start Rapporteur with --workspace followed by its path, or close Rapporteur and put the copy in place of the damaged file.")
	f.result.SetText(text)
}
