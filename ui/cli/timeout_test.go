package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// TestTimeoutIsNotCancel: whichever way a deadline reaches the command line (the context's own
// error, wrapped by the HTTP client, classified by an engine, stored on a variant), it reads
// « the host did not answer in time », never « cancelled by you ». A user's own cancel still
// reads as one.
func TestTimeoutIsNotCancel(t *testing.T) {
	for lang, want := range map[string]string{"en": "the host did not answer in time.", "fr": "l’hôte n’a pas répondu à temps."} {
		t.Run(lang, func(t *testing.T) {
			if err := i18n.LoadTranslations(lang); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = i18n.LoadTranslations("en") })
			texts := map[string]string{
				"deadline":         errorText(context.DeadlineExceeded),
				"wrapped deadline": errorText(fmt.Errorf("Post \"http://h/api/show\": %w", context.DeadlineExceeded)),
				"engine timeout":   errorText(&generate.Error{Code: generate.CodeTimeout, Err: context.DeadlineExceeded}),
				"variant timeout":  variantErrorText(model.Variant{Status: model.StatusFailed, ErrorCode: string(generate.CodeTimeout)}),
			}
			for name, got := range texts {
				if got != want {
					t.Errorf("%s: %q, want %q", name, got, want)
				}
			}
			if got := variantErrorText(model.Variant{Status: model.StatusCancelled, ErrorCode: string(generate.CodeCancelled)}); strings.Contains(got, want) || got == "" {
				t.Errorf("a user's cancel reads %q", got)
			}
		})
	}
}
