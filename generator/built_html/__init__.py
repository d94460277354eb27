"""What is done to the HTML an engine built: glossary marks, the theme's corrections, the
preview's notice."""
