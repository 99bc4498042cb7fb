"""Words of the web page around an article: furniture phrases, menu sections and photo credits
(regular-expression fragments, matched without regard to case)."""
from __future__ import annotations

# Furniture phrases seen on news pages and scraped mirrors; a line made only of these
# (in any case, glued together or separated by spaces, pipes, bullets or dashes) is removed.
FURNITURE_PHRASES = (
    r"skip to (?:the )?(?:main )?(?:content|navigation|search)",
    r"share(?: this)?(?: (?:article|story|page|video))?(?: on (?:facebook|twitter|x|whatsapp|"
    r"linkedin|reddit|email))?",
    r"share via (?:email|facebook|twitter)", r"copy link", r"print(?: this (?:article|page))?",
    r"tweet", r"email", r"facebook", r"twitter", r"whatsapp", r"linkedin", r"pinterest",
    r"advertisement", r"advertising", r"sponsored(?: content)?", r"ad",
    r"related(?: images?| articles?| stories| content| coverage| links| videos?| topics)?",
    r"(?:view|see|open) (?:larger|full|the) (?:image|photo|size)", r"view (?:photo )?gallery",
    r"(?:open|view) gallery", r"enlarge (?:this )?(?:image|photo)", r"\d+ (?:photos|images)",
    r"continue reading(?: below| the main story)?", r"read more(?: below)?",
    r"read (?:the )?full (?:story|article)", r"(?:story|article) continues below",
    r"scroll (?:down )?to continue", r"click here", r"loading\.*", r"menu", r"search",
    r"sign in", r"log in", r"subscribe(?: now)?", r"sign up", r"listen to (?:this )?article",
    r"comments?", r"close", r"back to top", r"trending(?: now)?", r"most (?:read|popular)",
    r"top stories", r"watch(?: live| now)?", r"home", r"next", r"previous",
)

# Menu sections a scraper glues in front of a byline ("HomeNewsWorldBy Jane Doe").
MENU_SECTIONS = (
    r"home", r"menu", r"search", r"news", r"world", r"politics", r"business", r"sports?",
    r"opinion", r"entertainment", r"tech(?:nology)?", r"health", r"science", r"local",
    r"canada", r"u\.?s\.?", r"video", r"sections", r"subscribe", r"sign in", r"log in",
)

# Agencies and words of a photo credit in parentheses ("(AP Photo/Jane Doe)", "(Getty Images)").
PHOTO_CREDITS = (
    r"via AP", r"AP Photo", r"AP", r"Reuters", r"Getty Images", r"AFP", r"Canadian Press", r"CP",
    r"Bloomberg", r"EPA", r"PA", r"Photo", r"Photograph", r"Image", r"Credit", r"handout", r"file",
)
