package ollama

import (
	"testing"

	"github.com/rapporteur/rapporteur/model/generate"
)

var hostTests = []struct {
	in, want string
	bad      bool
}{
	{"", DefaultHost, false},
	{"  ", DefaultHost, false},
	{"0.0.0.0", "http://127.0.0.1:11434", false},
	{":11434", "http://127.0.0.1:11434", false},
	{"0.0.0.0:8080", "http://127.0.0.1:8080", false},
	{"192.168.1.20", "http://192.168.1.20:11434", false},
	{"serveur-ia.local:11434", "http://serveur-ia.local:11434", false},
	{"Serveur-IA", "http://serveur-ia:11434", false},
	{"http://gpu-box", "http://gpu-box:80", false},
	{"HTTP://gpu-box:11434/", "http://gpu-box:11434", false},
	{"https://ia.example.org:8443/", "https://ia.example.org:8443", false},
	{"https://ia.example.org", "https://ia.example.org:443", false},
	{"https://ia.example.org/ollama/", "https://ia.example.org:443/ollama", false},
	{"[::1]:11434", "http://[::1]:11434", false},
	{"::1", "http://[::1]:11434", false},
	{"::", "http://127.0.0.1:11434", false},
	{"ftp://host", "", true},
	{"host:port", "", true},
	{"host:99999", "", true},
	{"host:0", "", true},
	{"ma machine", "", true},
	{"http://a b:1", "", true},
	{"héte", "", true},
	{"-host", "", true},
}

func TestNormalizeHost(t *testing.T) {
	for _, tt := range hostTests {
		got, err := NormalizeHost(tt.in)
		if tt.bad {
			if generate.CodeOf(err) != generate.CodeBadHost {
				t.Errorf("NormalizeHost(%q) = %q, %v; want a bad-host error", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizeHost(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func FuzzNormalizeHost(f *testing.F) {
	for _, tt := range hostTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizeHost(s)
		if err != nil {
			if generate.CodeOf(err) != generate.CodeBadHost {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		again, err := NormalizeHost(got)
		if err != nil || again != got {
			t.Fatalf("NormalizeHost(%q) = %q, then %q, %v: not stable", s, got, again, err)
		}
		if _, err := NewClient(got); err != nil {
			t.Fatalf("NewClient(%q): %v", got, err)
		}
	})
}

func TestHostFromEnv(t *testing.T) {
	t.Setenv("OLLAMA_HOST", "0.0.0.0:9999")
	if got := HostFromEnv(); got != "http://127.0.0.1:9999" {
		t.Errorf("HostFromEnv = %q", got)
	}
	t.Setenv("OLLAMA_HOST", "ftp://nope")
	if got := HostFromEnv(); got != DefaultHost {
		t.Errorf("HostFromEnv with garbage = %q", got)
	}
	t.Setenv("OLLAMA_HOST", "")
	if got := HostFromEnv(); got != DefaultHost {
		t.Errorf("HostFromEnv unset = %q", got)
	}
}
