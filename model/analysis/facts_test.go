package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// factCase lists the facts expected in a text as "kind text=norm".
type factCase struct {
	name string
	lang model.Language
	in   string
	want []string
}

var factCases = []factCase{
	// numbers
	{"integers and decimals", model.French, "Il y avait 1250 personnes, puis 45,5 et 3.5.", []string{"number 1250=1250", "number 45,5=45.5", "number 3.5=3.5"}},
	{"grouped thousands", model.French, "1 250 et 1\u00a0250 et 1\u202f250 et 2 000 000 et 1.250", []string{"number 1 250=1250", "number 1\u00a0250=1250", "number 1\u202f250=1250", "number 2 000 000=2000000", "number 1.250=1250"}},
	{"english thousands", model.English, "About 12,000 people and 3.5 of them; 1,250,000 in all.", []string{"number 12,000=12000", "number 3.5=3.5", "number 1,250,000=1250000"}},
	{"french comma is decimal", model.French, "1,250 tonnes", []string{"number 1,250=1.25"}},
	{"list numbering and headings", model.French, "## 2. Contexte\n\n1. Premier point avec 3 idées\n2) Second\n## 3 Suite", []string{"number 3=3"}},
	{"heading date is kept", model.French, "## 17 juin 2025", []string{"date 17 juin 2025=2025-06-17"}},
	{"identifiers and versions", model.French, "Le CO2, la RN7 et la version 1.2.3.", []string{"name CO2=co2", "name RN7=rn7"}},
	{"ordinals", model.French, "Le 2e atelier et la troisième réunion.", []string{"number 2e=#2", "number troisième=#3"}},
	{"millions", model.French, "Pour 2 millions d'habitants.", []string{"number 2 millions=2000000"}},
	// number words
	{"french number words", model.French, "quarante-deux, vingt et un, douze, cent, mille, quatre-vingt-dix-sept, deux mille vingt-cinq",
		[]string{"number quarante-deux=42", "number vingt et un=21", "number douze=12", "number cent=100", "number mille=1000", "number quatre-vingt-dix-sept=97", "number deux mille vingt-cinq=2025"}},
	{"articles are not numbers", model.French, "Un atelier, une salle et un bâtiment neuf; neuf ateliers.", []string{"number neuf=9"}},
	{"english number words", model.English, "Three, forty-two and one hundred and five; one idea; the first.", []string{"number Three=3", "number forty-two=42", "number one hundred and five=105"}},
	// percentages
	{"percentages", model.French, "45 %, 45%, 45\u00a0%, 45 pour cent, 45,5 %, quarante pour cent", []string{"percent 45 %=45%", "percent 45%=45%", "percent 45\u00a0%=45%", "percent 45 pour cent=45%", "percent 45,5 %=45.5%", "percent quarante pour cent=40%"}},
	{"english percentages", model.English, "45 percent, 45 per cent, 3.5%", []string{"percent 45 percent=45%", "percent 45 per cent=45%", "percent 3.5%=3.5%"}},
	// dates
	{"french dates", model.French, "17 juin 2025, le 17 juin, 1er juillet, septembre 2025, 17/06/2025, 17.06.2025, 17/06/25, 2025-06-17, 17/06",
		[]string{"date 17 juin 2025=2025-06-17", "date 17 juin=--06-17", "date 1er juillet=--07-01", "date septembre 2025=2025-09", "date 17/06/2025=2025-06-17", "date 17.06.2025=2025-06-17", "date 17/06/25=2025-06-17", "date 2025-06-17=2025-06-17", "date 17/06=--06-17"}},
	{"english dates", model.English, "June 17, 2025, 17 June 2025, 17th June, September 2025, 06/17/2025, may 5", []string{"date June 17, 2025=2025-06-17", "date 17 June 2025=2025-06-17", "date 17th June=--06-17", "date September 2025=2025-09", "date 06/17/2025=2025-06-17", "number 5=5"}},
	{"day ranges", model.French, "du 17 au 19 juin 2025", []string{"date 17=2025-06-17", "date 19 juin 2025=2025-06-19"}},
	{"day range after the month", model.English, "February 3–28", []string{"date February 3=--02-03", "date 28=--02-28"}},
	{"impossible dates", model.French, "31/02/2025 et 32 juin", []string{"number 31=31", "number 02=2", "number 2025=2025", "number 32=32"}},
	// times
	{"french times", model.French, "10h00, 10h, à 10 h, 10 h 30, 10:00, à 10 heures, 10 heures 30", []string{"time 10h00=10:00", "time 10h=10:00", "time 10 h=10:00", "time 10 h 30=10:30", "time 10:00=10:00", "time 10 heures=10:00", "time 10 heures 30=10:30"}},
	{"time ranges", model.French, "18h30 à 21h00, 10 h – 12 h, de 10 à 12 h", []string{"time 18h30=18:30", "time 21h00=21:00", "time 10 h=10:00", "time 12 h=12:00", "time 10=10:00", "time 12 h=12:00"}},
	{"english times", model.English, "9 am, 9:30 pm, 12 pm, 12 am, 9.30am, 10:00:00", []string{"time 9 am=09:00", "time 9:30 pm=21:30", "time 12 pm=12:00", "time 12 am=00:00", "time 9.30am=09:30", "time 10:00:00=10:00"}},
	// durations
	{"durations", model.French, "20 minutes, trois mois, 2 heures, 45 min, pendant 2 h, en 1h30, deux semaines, 3 ans", []string{"duration 20 minutes=PT20M", "duration trois mois=P3M", "duration 2 heures=PT120M", "duration 45 min=PT45M", "duration 2 h=PT120M", "duration 1h30=PT90M", "duration deux semaines=P14D", "duration 3 ans=P36M"}},
	{"english durations", model.English, "two hours, a 3-month trial, 6 weeks, 30 seconds", []string{"duration two hours=PT120M", "duration 3-month=P3M", "duration 6 weeks=P42D", "duration 30 seconds=PT30S"}},
	// money
	{"money", model.French, "480 000 €, 480 000 euros, 12 k€, 12k€, 1,2 M€, 2 millions d'euros, 15 EUR, dix euros", []string{"money 480 000 €=480000 EUR", "money 480 000 euros=480000 EUR", "money 12 k€=12000 EUR", "money 12k€=12000 EUR", "money 1,2 M€=1200000 EUR", "money 2 millions d'euros=2000000 EUR", "money 15 EUR=15 EUR", "money dix euros=10 EUR"}},
	{"english money", model.English, "€12, $5, £3,500, $1.5 million, $12k, 5 dollars", []string{"money €12=12 EUR", "money $5=5 USD", "money £3,500=3500 GBP", "money $1.5 million=1500000 USD", "money $12k=12000 USD", "money 5 dollars=5 USD"}},
	// names
	{"titled names", model.French, "Mme Claire Laurent et M. Karim Diallo, Mme de Villiers, J.-P. Martin.", []string{"name Mme Claire Laurent=claire laurent", "name M. Karim Diallo=karim diallo", "name Mme de Villiers=villiers", "name J.-P. Martin=j.-p. martin"}},
	{"organisations and places", model.French, "Avec Territoires Partagés à Saint-Aubin-sur-Lys et le Plan Local d'Urbanisme.", []string{"name Territoires Partagés=territoires partages", "name Saint-Aubin-sur-Lys=saint-aubin-sur-lys", "name Plan Local d'Urbanisme=plan local d'urbanisme"}},
	{"acronyms", model.French, "L'ADEME, le CCAS et le PLU, mais pas le XIV.", []string{"name ADEME=ademe", "name CCAS=ccas", "name PLU=plu"}},
	{"sentence starts", model.French, "Présentation du projet. Claire Laurent parle. Le Conseil Municipal vote. Selon Laurent, oui.", []string{"name Claire Laurent=claire laurent", "name Conseil Municipal=conseil municipal", "name Laurent=laurent"}},
	{"not names", model.English, "On Monday, I met them in June.\n## Next Steps", []string{}},
	{"title case heading", model.English, "## Key Decisions With ADEME\n\nText.", []string{"name ADEME=ademe"}},
	// names in real reports (issue 12)
	{"headings in capitals", model.French, "PROPOS LIMINAIRES\n\nINSTITUT\n\nVOS RETOURS\n\nL'ADEME finance.", []string{"name ADEME=ademe"}},
	{"an acronym of a heading in capitals named elsewhere", model.French, "BILAN DU PLU\n\nLe PLU est voté.", []string{"name PLU=plu", "name PLU=plu"}},
	{"common words at sentence starts", model.French, "Un atelier. Participation : bonne.\nCompte-rendu Réunion Publique.\nRéunion\n• Environnement : oui.", []string{}},
	{"a first name at a line start", model.French, "- Matthieu Brient, Conseiller – Métropole de Rouen\nRéponse de Jean-Marc Leroy : oui.",
		[]string{"name Matthieu Brient=matthieu brient", "name Métropole de Rouen=metropole de rouen", "name Jean-Marc Leroy=jean-marc leroy"}},
	{"a titled name is one fact", model.French, "Avec M. Jean Dupont.", []string{"name M. Jean Dupont=jean dupont"}},
	{"roles are not names", model.English, "Maria Gonzalez, Senior Planner; Cllr Doyle (Cabinet Member for Economic Development, Ward Councillor); Mayor Jane Smith.",
		[]string{"name Maria Gonzalez=maria gonzalez", "name Cllr Doyle=doyle", "name Mayor Jane Smith=jane smith"}},
	{"one token", model.French, "Une carte au 1/500, Compar:IA, les participant·e·s, participant.e.s et PARTICIPANT.E.S, 3/5.",
		[]string{"number 1/500=1/500", "name Compar:IA=compar:ia", "number 3/5=3/5"}},
	{"names joined", model.English, "Chaired by Priya Sharma of Involve, with Parks & Recreation, Kevin O'Brien and the Rue de l'Avenir.",
		[]string{"name Priya Sharma=priya sharma", "name Involve=involve", "name Parks & Recreation=parks & recreation", "name Kevin O'Brien=kevin o'brien", "name Rue de l'Avenir=rue de l'avenir"}},
	{"a name at a sentence start named elsewhere", model.French, "Territoires Partagés anime. Avec Territoires Partagés et M. Karim Diallo. Diallo conclut.",
		[]string{"name Territoires Partagés=territoires partages", "name Territoires Partagés=territoires partages", "name M. Karim Diallo=karim diallo", "name Diallo=diallo"}},
	{"numbered sessions and long hours", model.French, "Séance n° 4 – 15 octobre 2025, replay sous 48 heures, £4.2m.",
		[]string{"number 4=4", "date 15 octobre 2025=2025-10-15", "duration 48 heures=PT2880M", "money £4.2m=4200000 GBP"}},
	// contacts
	{"e-mails and urls", model.French, "Écrire à Contact@Mairie.fr ou voir https://exemple.fr/a(b), www.ville.fr/plan. et [site](https://x.org/p).", []string{"email Contact@Mairie.fr=contact@mairie.fr", "url https://exemple.fr/a(b)=exemple.fr/a(b)", "url www.ville.fr/plan=ville.fr/plan", "url https://x.org/p=x.org/p"}},
	{"bare domains", model.French, "Sur saint-aubin.fr/concertation, pas participant.es.", []string{"url saint-aubin.fr/concertation=saint-aubin.fr/concertation"}},
	{"french phones", model.French, "01 23 45 67 89, +33 1 23 45 67 89, +33 (0)1 23 45 67 89, 06.12.34.56.78, 0612345678, 06-12-34-56-78", []string{"phone 01 23 45 67 89=0123456789", "phone +33 1 23 45 67 89=0123456789", "phone +33 (0)1 23 45 67 89=0123456789", "phone 06.12.34.56.78=0612345678", "phone 0612345678=0612345678", "phone 06-12-34-56-78=0612345678"}},
	{"english phones", model.English, "020 7946 0958, +44 20 7946 0958, (555) 123-4567, 555-123-4567, 480 000 000", []string{"phone 020 7946 0958=02079460958", "phone +44 20 7946 0958=+442079460958", "phone (555) 123-4567=5551234567", "phone 555-123-4567=5551234567", "number 480 000 000=480000000"}},
}

func TestFacts(t *testing.T) {
	for _, tc := range factCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Facts(tc.in, tc.lang)
			checkFacts(t, tc.in, got)
			texts := make([]string, 0, len(got))
			for _, f := range got {
				texts = append(texts, fmt.Sprintf("%s %s=%s", f.Kind, f.Text, f.Norm))
			}
			if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Facts(%q)\n got %q\nwant %q", tc.in, texts, tc.want)
			}
		})
	}
}

// checkFacts verifies the invariants of Facts: in order, not overlapping, texts at their positions.
func checkFacts(t *testing.T, in string, facts []Fact) {
	t.Helper()
	end := 0
	for _, f := range facts {
		switch {
		case f.Start < end || f.End <= f.Start || f.End > len(in):
			t.Fatalf("bad offsets %d-%d after %d in %q", f.Start, f.End, end, in)
		case in[f.Start:f.End] != f.Text:
			t.Fatalf("Text %q is not the text at %d-%d", f.Text, f.Start, f.End)
		case f.Kind == "" || f.Norm == "":
			t.Fatalf("empty kind or norm: %+v", f)
		}
		end = f.End
	}
}

func FuzzFacts(f *testing.F) {
	for _, tc := range factCases {
		f.Add(tc.in, tc.lang == model.English)
	}
	f.Add(benchText(200), false)
	f.Add("http://", true)      // a scheme alone is no URL
	f.Add("0000000M. De", true) // a title before a particle only
	f.Fuzz(func(t *testing.T, in string, english bool) {
		lang := model.French
		if english {
			lang = model.English
		}
		checkFacts(t, in, Facts(in, lang))
		fc := CompareFacts(in, strings.ToUpper(in), lang)
		if countAll(fc.Kept)+len(fc.Introduced) != len(Facts(strings.ToUpper(in), lang)) {
			t.Fatal("kept and introduced do not partition the variant's facts")
		}
		if countAll(fc.Lost) > len(Facts(in, lang)) {
			t.Fatal("more facts lost than the source states")
		}
		for _, p := range PersonalData(in, lang) {
			if p.Start < 0 || p.End > len(in) || in[p.Start:p.End] != p.Text {
				t.Fatalf("bad personal data %+v", p)
			}
		}
	})
}

// countAll adds up the counts of facts.
func countAll(facts []Fact) int {
	n := 0
	for _, f := range facts {
		n += f.Count
	}
	return n
}

// benchVariant rewrites benchText the way a model might: reformatted values, some changes.
func benchVariant(n int) string {
	r := strings.NewReplacer("10h00", "10 h", "45,5 %", "54,5 %", "1 250", "1250", "12 mars", "13 mars",
		"Mme Laurent", "Claire Laurent", "80", "quatre-vingts", "4 avril", "04/04/2025")
	return r.Replace(benchText(n))
}

func BenchmarkFacts(b *testing.B) {
	text := benchText(10_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Facts(text, model.French)
	}
}

func BenchmarkCompareFacts(b *testing.B) {
	source, variant := benchText(10_000), benchVariant(10_000)
	b.SetBytes(int64(len(source) + len(variant)))
	for b.Loop() {
		CompareFacts(source, variant, model.French)
	}
}

// BenchmarkCompareFactsWith measures one variant against a source already parsed.
func BenchmarkCompareFactsWith(b *testing.B) {
	facts, variant := Facts(benchText(10_000), model.French), benchVariant(10_000)
	b.SetBytes(int64(len(variant)))
	for b.Loop() {
		CompareFactsWith(facts, variant, model.French)
	}
}
