package imports

import "github.com/rapporteur/rapporteur/model"

// Report makes a new report of an imported text, the one way both the desktop interface and the
// command line do it. The title is the file's (its first heading, else its name), or untitled
// when it has none. The language is guessed from the text; when the text does not tell (too
// short, or in neither language), it is userLang, the language the person importing works in
// — their interface's — on the grounds that people mostly write in the language they read.
func (im Imported) Report(untitled string, userLang model.Language) model.Report {
	title := im.Title
	if title == "" {
		title = untitled
	}
	r := model.NewReport(title, model.GuessLanguage(im.Body, userLang))
	r.Body = im.Body
	return r
}
