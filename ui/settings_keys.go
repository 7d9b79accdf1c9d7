package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/keys"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// newKindChoice offers the kinds of server.
func newKindChoice(changed func(string)) *uikit.Choice[string] {
	c := uikit.NewChoice(changed)
	c.SetOptions([]string{model.EngineOllama, model.EngineOpenAI}, kindLabel)
	return c
}

// editKey asks for the API key of r's server and keeps it in the keyring; the key typed is
// never shown again, only whether one is kept.
func (l *serverList) editKey(r *serverRow) {
	if l.keys == nil {
		return
	}
	if err := r.addr.Validate(); err != nil {
		dialog.ShowError(err, l.win)
		return
	}
	host, _ := normalizeServer(model.EngineOpenAI, r.addr.Text)
	state := widget.NewLabel(lang.L("Looking for the system keyring…"))
	state.Wrapping = fyne.TextWrapWord
	entry := widget.NewPasswordEntry()
	entry.SetPlaceHolder(lang.L("paste the key given by the server's administrator"))
	content := container.NewVBox(widget.NewLabel(host), state, entry)
	l.background(func() {
		key, err := l.keys.Get(host)
		runOnUI(func() {
			switch {
			case err != nil:
				state.SetText(ErrorText(err))
			case key != "":
				state.SetText(lang.L("A key is kept for this server. Type a new one to replace it, or leave the field empty and save to remove it."))
			default:
				state.SetText(lang.L("No key is kept for this server. Many servers of a local network need none."))
			}
		})
	})
	d := dialog.NewForm(lang.L("API key"), lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem("", content)}, func(ok bool) {
		if ok {
			l.saveKey(host, entry.Text)
		}
	}, l.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// saveKey keeps key for host off the UI thread and says when it failed.
func (l *serverList) saveKey(host, key string) {
	l.background(func() {
		if err := l.keys.Set(host, key); err != nil {
			runOnUI(func() { dialog.ShowError(keyError{err}, l.win) })
		}
	})
}

// keyError explains a key that could not be kept.
type keyError struct{ err error }

func (e keyError) Error() string {
	reason := e.err.Error()
	if errors.Is(e.err, keys.ErrKeyInvalid) {
		reason = lang.L("a key is one line of at most 4,096 characters.")
	}
	return lang.L("The key could not be kept: {{.Reason}}", map[string]any{"Reason": reason})
}

func (e keyError) Unwrap() error { return e.err }
