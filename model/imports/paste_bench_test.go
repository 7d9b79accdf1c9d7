package imports

import (
	"strings"
	"testing"
)

// BenchmarkPasted converts 100 pages pasted from a word processor (one paragraph a line,
// bullets, about 50,000 words).
func BenchmarkPasted(b *testing.B) {
	var sb strings.Builder
	for i := range 1000 {
		sb.WriteString("Mme Laurent a rappelé que le budget de 480 000 € couvrait l’étude et les travaux de la place, et que les habitant·es seraient consulté·es de nouveau à l’automne.\r\n")
		if i%5 == 0 {
			sb.WriteString("•\tplus de bancs à l’ombre\r\n•\tun abri pour les vélos\r\n")
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = Pasted(text)
	}
}
