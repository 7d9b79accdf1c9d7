package analysis

// supportStopWords are the French and English words that carry no content of their own for
// sentence support, folded (lower case, no accents, as foldWord gives them): articles,
// pronouns, prepositions, conjunctions, auxiliaries and their common forms, the commonest
// adverbs, and titles (M., Mme, Mr, Dr), which facts handle. Both lists apply whatever the
// language: reports mix them (quotes, names of programmes).
var supportStopWords = wordSet(
	// French
	"a à ai aie aient ait alors as au aucun aucune aupres auquel aussi autre autres aux avaient avais " +
		"avait avant avec avez avoir avons ayant c c' ca car ce ceci cela celle celles celui cependant ces " +
		"cet cette ceux chacun chacune chaque chez ci comme comment d d' dans de dela des deja depuis dont " +
		"du duquel elle elles en encore entre es est et etaient etais etait etant ete etes etre eu eue eues " +
		"eurent eus eut eux fait faite faites fut ici il ils j j' je jusqu jusqu' l l' la laquelle le lequel " +
		"les lesquels leur leurs lors lorsqu lorsqu' lui m m' ma mais me meme memes mes moi mon n n' ne ni " +
		"non nos notre nous nul nulle on ont or ou ou par parce parmi pas peu peut peuvent plus plutot pour pourquoi " +
		"puis puisqu puisqu' qu qu' quand que quel quelle quelles quels qui quoi quoiqu quoiqu' s s' sa sans " +
		"se sera seront serait ses seulement si sien soi soit son sont sous souvent sur t t' ta te tel telle " +
		"tels telles tes toi ton tous tout toute toutes tres tu un une unes uns vers via voici voila vos " +
		"votre vous y " +
		"soient sois soyons soyez serai seras serez serions seraient serons aura auras aurez aurons " +
		"auront aurai aurait auraient aurions puisse puissent pourra pourront pourrait pourraient " +
		"m mm mme mmes mlle mlles dr pr me monsieur madame messieurs mesdames " +
		"cf etc ex env p " +
		"selon apres pendant durant malgre afin autour environ egalement notamment ainsi donc toutefois " +
		"neanmoins pourtant enfin surtout tandis pres " +
		// English
		"one ones about above after again against all also am an and any are as at be been before being below " +
		"between both but by can could did do does doing down during each few for from further had has " +
		"have having he her here hers herself him himself his how i if in into is it its itself just me " +
		"more most my myself no nor not now of off on once only or other our ours ourselves out over own " +
		"same she should so some such than that the their theirs them themselves then there these they " +
		"this those through to too under until up very was we were what when where which while who whom " +
		"why will with would you your yours yourself yourselves " +
		"according despite among around within across along toward towards upon however therefore " +
		"thus still already yet since even really actually especially notably particularly " +
		"mr mrs ms messrs prof st e.g i.e")
