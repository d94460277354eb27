"""Plan the site's pages from a Dataset (where each record lives, what each page holds) and
render them to Markdown and HTML fragments with Jinja templates."""
