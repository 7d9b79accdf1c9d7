package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/openai"
	"github.com/rapporteur/rapporteur/model/keys"
	"github.com/rapporteur/rapporteur/model/store"
)

// services are what the screens share that is not a screen: the window, the workspace, the
// engines, the presets and the hosts' models. Every screen gets a pointer to them in its
// constructor, with callbacks for what it asks of the other screens; none holds the UI. The
// fields are read and replaced on the UI thread only.
type services struct {
	ctx     context.Context
	app     fyne.App
	win     fyne.Window
	store   *store.Store
	version string // the application's version, printed in exported documents

	engines []generate.Engine // the engines that write variants; the built-in one at least
	ollama  *ollama.Engine    // the Ollama engine among engines, nil when there is none
	openai  *openai.Engine    // the OpenAI-compatible engine among engines, nil when there is none
	presets []model.Preset    // built-in presets, then the user's own
	hosts   *hostBook         // the servers and their models, as last read
	keys    *keys.Store       // the servers' API keys
	pulls   map[string]bool   // downloads under way, by host|model

	showError func(error) // shows an error in a dialog, in the interface language
	// contextsChanged takes new context lengths set by hand into account: the engines are
	// made again and the servers read again.
	contextsChanged func()
	// background counts the work running off the UI thread that must end before the window
	// closes: analyses, readings of the hosts, downloads (their context is cancelled first).
	background *sync.WaitGroup
}

// engineNamed returns the engine of that name among the services' engines, nil when there is
// none.
func (s *services) engineNamed(name string) generate.Engine {
	for _, e := range s.engines {
		if e.Name() == name {
			return e
		}
	}
	return nil
}
