package export

func (d *document) appendix() {}
