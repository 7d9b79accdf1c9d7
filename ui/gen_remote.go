package ui

import (
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/store"
)

// Preference keys and defaults of the guards on what a host may do.
const (
	// prefRemoteAllowed lists the remote models the user allowed, "host|model" each.
	prefRemoteAllowed = "ollama-remote-allowed"
	// prefFirstAnswer is how long, in seconds, a model may take to load and read the prompt.
	prefFirstAnswer = "ollama-first-answer-seconds"
	// prefMaxOutput is the most characters a variant may hold.
	prefMaxOutput = "ollama-max-output"

	defaultFirstAnswerSeconds = int(ollama.DefaultLoadTimeout / time.Second)
)

// FirstAnswerTimeout returns how long a model may take before its first word: loading it and
// reading the prompt, tens of seconds to minutes on a laptop.
func FirstAnswerTimeout(a fyne.App) time.Duration {
	return time.Duration(a.Preferences().IntWithFallback(prefFirstAnswer, defaultFirstAnswerSeconds)) * time.Second
}

// MaxOutput returns the most characters a variant may hold before its model is stopped.
func MaxOutput(a fyne.App) int {
	return a.Preferences().IntWithFallback(prefMaxOutput, ollama.DefaultMaxOutput)
}

// RemoteAllowed reports whether the user allowed the remote model name of host, which sends the
// report outside this computer and its network.
func RemoteAllowed(a fyne.App, host, name string) bool {
	return slices.Contains(a.Preferences().StringList(prefRemoteAllowed), remoteKey(host, name))
}

func allowRemote(a fyne.App, host, name string) {
	list := a.Preferences().StringList(prefRemoteAllowed)
	if key := remoteKey(host, name); !slices.Contains(list, key) {
		a.Preferences().SetStringList(prefRemoteAllowed, append(list, key))
	}
}

func remoteKey(host, name string) string { return host + "|" + name }

// newOllamaEngine returns the Ollama engine with the user's settings: the watchdog's timeouts,
// the cap on a variant's length, the remote models allowed, and the token counts learned in
// st.
func newOllamaEngine(a fyne.App, st *store.Store) *ollama.Engine {
	return ollama.NewEngine(ollama.Options{
		StallTimeout: StallTimeout(a),
		LoadTimeout:  FirstAnswerTimeout(a),
		MaxOutput:    MaxOutput(a),
		Ratios:       ratioStore(st),
		AllowRemote:  func(host, name string) bool { return RemoteAllowed(a, host, name) },
	})
}

// ratioStore is st as the Ollama engine's memory of token ratios; none without a workspace.
func ratioStore(st *store.Store) ollama.RatioStore {
	if st == nil {
		return nil
	}
	return st
}

// placeText says where a model writes, for its column and its card: nothing for this
// computer, the machine for the network, and a warning for a remote service.
func placeText(where model.Place, name string) string {
	name = model.CleanName(name)
	switch where {
	case model.PlaceRemote:
		return lang.L("☁ remote — the report leaves this computer (to {{.Host}})", map[string]any{"Host": name})
	case model.PlaceNetwork:
		return lang.L("on {{.Host}}, a machine of your network", map[string]any{"Host": name})
	}
	return ""
}

// confirmRemote asks the user whether the remote model of column c may receive the report;
// done gets the answer, on the UI thread.
func confirmRemote(a fyne.App, win fyne.Window, c engineColumn, done func(bool)) {
	msg := lang.L("The model {{.Model}} does not run on this computer nor on your network: for each variant, the whole report will be sent to {{.Host}}. Allow this model?",
		map[string]any{"Model": model.CleanName(c.info.Name), "Host": model.CleanName(c.whereName)})
	d := dialog.NewConfirm(lang.L("Send the report outside this computer?"), msg, func(ok bool) {
		if ok {
			allowRemote(a, c.host, c.info.Name)
		}
		done(ok)
	}, win)
	d.SetConfirmText(lang.L("Allow"))
	d.SetDismissText(lang.L("Cancel"))
	d.Show()
}

// fmtSeconds writes a duration in whole seconds for a settings field.
func fmtSeconds(d time.Duration) string { return strconv.Itoa(int(d / time.Second)) }
