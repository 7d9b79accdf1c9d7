package ollamatest

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ollama/ollama/api"
)

// reply is a whole /api/chat answer.
type reply struct {
	status int
	chunks []api.ChatResponse // every line or the single object
	err    string             // an {"error"} body or line
}

// text joins the content of the chunks.
func (r reply) text() string {
	var b strings.Builder
	for _, c := range r.chunks {
		b.WriteString(c.Message.Content)
	}
	return b.String()
}

// final is the done object.
func (r reply) final() api.ChatResponse {
	if len(r.chunks) == 0 {
		return api.ChatResponse{}
	}
	return r.chunks[len(r.chunks)-1]
}

// chat posts a raw /api/chat body and reads the whole answer.
func chat(t *testing.T, s *Server, body string) reply {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return chatCtx(ctx, t, s, body)
}

func chatCtx(ctx context.Context, t *testing.T, s *Server, body string) reply {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/api/chat", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return readReply(t, resp.StatusCode, resp.Body)
}

func readReply(t *testing.T, status int, body io.Reader) reply {
	t.Helper()
	r := reply{status: status}
	sc := bufio.NewScanner(body)
	for sc.Scan() {
		var e struct {
			Error string `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %q: %v", sc.Bytes(), err)
		}
		if e.Error != "" {
			r.err = e.Error
			continue
		}
		var c api.ChatResponse
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		r.chunks = append(r.chunks, c)
	}
	return r
}

// body builds a chat request body for a model and a user message, with extra
// top-level JSON members (",\"stream\":false").
func body(model, user, extra string) string {
	b, _ := json.Marshal(user)
	return `{"model":"` + model + `","messages":[{"role":"user","content":` + string(b) + `}]` + extra + `}`
}

// french is a realistic source text.
const french = `La réunion publique du 12 mars a rassemblé quarante habitants du quartier.
Les participants ont demandé que la place du marché reste piétonne le samedi matin.
Plusieurs personnes ont proposé d'installer des bancs et de planter des arbres.
La mairie s'est engagée à présenter un nouveau plan avant l'été.`
