package corpus

import "strings"

// The names of the corpus are invented, apart from places: no real person
// is quoted. Each list is fixed, so a seed always gives the same corpus.

// people are "First Last"; after the first mention an article names them by
// surname, as a newsroom does, which the tags package folds into one tag.
var people = fields(`Marta_Kovalenko Tomas_Lindqvist Ana_Ferreira Piotr_Zielinski
Lena_Brandt Oskar_Havel Ines_Moreau Dario_Santoro Katrin_Aalto Yusuf_Demir
Nadia_Petrescu Henrik_Solberg Clara_Weiss Mateo_Ruiz Sofia_Lazaridis Emil_Novak
Greta_Holm Luca_Bianchi Irena_Kralj Viktor_Sandor Elena_Moldovan Jonas_Keller
Mira_Okafor Pavel_Dvorak Alma_Hadzic Ruben_Castell Ilse_Vermeer Bruno_Tavares
Hanna_Virtanen Karim_Haddad Zofia_Nowicka Felix_Achterberg Laila_Rahimi
Tobias_Engel Vera_Lindahl Andrei_Popa Selin_Kaya Marco_Ferrante Agnes_Toth
Niko_Salonen Petra_Horvat Samir_Belkacem Julia_Strand Adrian_Varga Eva_Marek
Leon_Dupont Rosa_Almeida Stefan_Kolar Ingrid_Berg Omar_Farouk Daria_Sokol
Milan_Jovic Freya_Olsen Kasimir_Wolff Teodora_Ilic Gustav_Lund Amira_Nasser
Roman_Hrabal Lucia_Serrano Erik_Dahl Maja_Kowal Hugo_Lemaire Aylin_Celik
Boris_Vukovic Nora_Fischer Simon_Meyer Kira_Antonova Paolo_Greco Tereza_Cerna
Anton_Vidal Elif_Aydin Mads_Krogh Iris_Koenig Rafael_Pinto Lidia_Morawska
Goran_Petrov Hedda_Nilsen Filip_Sedlak Carmen_Vega Arvid_Norberg Zeynep_Arslan`)

// places are real cities, regions and countries.
var places = fields(`Ukraine Poland Lisbon Gdansk Odesa Kharkiv Vilnius Riga Tallinn
Helsinki Warsaw Krakow Prague Vienna Budapest Bucharest Sofia Athens Istanbul
Ankara Berlin Hamburg Munich Paris Marseille Lyon Madrid Barcelona Valencia Rome
Milan Naples Geneva Zurich Brussels Antwerp Rotterdam Amsterdam Copenhagen Oslo
Stockholm Gothenburg Dublin Cork Edinburgh Glasgow Cardiff Belfast Porto Seville
Bilbao Turin Genoa Trieste Zagreb Split Belgrade Sarajevo Skopje Tirana Chisinau
Lviv Dnipro Zaporizhzhia Mykolaiv Kherson Minsk Tbilisi Yerevan Baku Cyprus Malta
Iceland Greenland Moldova Georgia Armenia Estonia Latvia Lithuania Finland Norway
Sweden Denmark Portugal Spain Greece Croatia Serbia Albania Romania Bulgaria Slovakia
Slovenia Hungary Austria Belgium Netherlands Luxembourg Ireland Scotland Wales`)

// orgs are invented institutions, each a single capitalised run.
var orgs = fields(`Nordlink Baltcom Eurogrid Transmar Polaris_Energy Vesta_Bank
Meridian_Rail Aurora_Telecom Helix_Pharma Atlas_Shipping Corvus_Defence Lumen_Media
Orion_Mining Sentinel_Insurance Vega_Motors Castor_Airlines Boreal_Forestry Delta_Ports
Halcyon_Foods Kestrel_Steel Summit_Capital Tessera_Chips Umbra_Security Zenith_Water
Arcadia_Labs Beacon_Health Cobalt_Grid Drava_Agro Ember_Solar Fjord_Salmon`)

// reporters sign the headerless seeds.
var reporters = fields(`Rodney_Mbua Alice_Marsh Ben_Okoro Chloe_Varga Dan_Whitfield
Esme_Rowe Farid_Aziz Gina_Ortiz Hal_Brenner Ivy_Chen`)

// Words of headlines and text. They are lower case and hold no name, so
// that the only tags of an article are the topics it was given.
var (
	verbs = fields(`presses warns backs rejects delays expands questions courts
	blocks revives defends cuts weighs unveils tightens eases probes funds shelves
	stalls challenges reshapes doubles halts renews targets pledges resists
	reviews scraps accelerates rethinks secures loses wins tests extends revisits`)
	adjectives = fields(`port energy grain rail border pension tax housing water
	cyber fishing mining steel chip bank transit climate health school farm gas wind
	solar labour media airline insurance shipping telecom defence tourism`)
	nouns = fields(`tariffs subsidies reform deal talks rules probe plan budget
	contracts permits merger strike exports imports quotas licences levy audit
	bailout pact review ban cap guarantees loans fund tender overhaul inquiry`)
	tails = fields(`amid_protests after_vote before_summit despite_warnings
	as_deadline_nears under_pressure in_late_session with_allies after_leak
	ahead_of_election amid_inflation as_costs_rise following_court_ruling`)
	// fresh are words that no headline uses: a near-duplicate title adds one.
	fresh = fields(`now again latest update analysis explained live briefly`)
	// offTopic titles name no article: their words never occur in headlines.
	offTopic = fields(`weather_warning_for_weekend recipes_for_quick_dinners
	football_transfer_rumours_roundup markets_hold_steady_overnight
	celebrity_wedding_photos_released gadget_review_roundup_spring
	travel_tips_for_summer_holidays crossword_answers_and_clues
	horoscopes_this_week_revealed garden_pests_and_how_to_beat_them`)
	syllables = fields(`dre vel ka mor tis lun bra sen vo rik tal ne gor fen
	sa lim dor ve qua rel mi tor pen zal`)
	moods = fields(`cautious defiant upbeat guarded sceptical confident uneasy
	blunt measured combative`)
)

// Sentence templates for running text. {a}, {b} and {c} are the article's
// first, second and last topics as named in running text, {x} a noun
// phrase, {n} a number and {m} a mood word.
var sentences = []string{
	"Officials close to {a} said the {x} would be settled within {n} weeks.",
	"The dispute has pulled {b} into a debate that few around {c} expected this year.",
	"Critics argue that {a} has moved too fast on the {x} and left smaller partners behind.",
	"According to people familiar with the talks, {b} asked for another {n} days before any vote.",
	"The tone around {c} was {m}, with several delegates saying the {x} needed more work.",
	"Analysts note that {a} and {b} have clashed over similar questions before.",
	"A report published on Tuesday put the cost of the {x} at {n} million euros.",
	"Residents interviewed near the harbour said they had heard little about the plan.",
	"The opposition called the {x} rushed and demanded a full hearing.",
	"Supporters say the change could bring {n} thousand jobs over the next decade.",
	"Talks with {b} are expected to resume next week, aides said.",
	"Few details were released, and a spokesperson for {a} declined to comment further.",
	"Markets reacted calmly, though shares in regional firms slipped by {n} percent.",
	"The {m} mood reflected months of stalled negotiations over the {x}.",
	"Observers close to {c} warned that the timetable left little room for compromise.",
	"Unions said they would study the text before deciding whether to strike.",
}

// fields splits a list of words; "_" joins the words of one entry.
func fields(list string) []string {
	out := strings.Fields(list)
	for i, w := range out {
		out[i] = strings.ReplaceAll(w, "_", " ")
	}
	return out
}
