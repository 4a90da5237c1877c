// credence web page
