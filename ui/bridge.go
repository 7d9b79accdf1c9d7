package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// uiDo is how work reaches the UI thread: fyne.Do, replaced in tests by a queue that the test's
// goroutine drains, so that the race detector sees the same single UI thread as the real app.
var (
	uiDoMu sync.RWMutex
	uiDo   = fyne.Do
)

// runOnUI runs f on the UI thread.
func runOnUI(f func()) {
	uiDoMu.RLock()
	do := uiDo
	uiDoMu.RUnlock()
	do(f)
}
