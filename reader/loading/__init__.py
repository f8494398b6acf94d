"""Loading: a path, a URL or standard input becomes a Document (text, title, site, author, date).

Files are sniffed (text or HTML), decoded (charset detection where it is not UTF-8) and, for web
pages, reduced to their article text.
"""
