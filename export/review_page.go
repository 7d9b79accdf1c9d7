package export

func (d *document) reviewPage() {}
