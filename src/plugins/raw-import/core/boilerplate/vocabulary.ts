/**
 * Words of page furniture in English, German, French and Spanish: the whole-line phrases that a
 * scraper picks up from buttons, ad slots, comment boxes and section menus. Compared lower-cased,
 * with decoration and a trailing colon removed.
 */

/** Buttons, skip links, share and audio widgets. */
export const NAVIGATION = [
  'skip to content', 'skip to main content', 'skip to navigation', 'jump to content', 'back to top', 'menu', 'close',
  'share', 'share this', 'share this article', 'share this story', 'share article', 'share on facebook',
  'share on twitter', 'share on x', 'share on linkedin', 'share on whatsapp', 'share via email', 'copy link',
  'link copied', 'copy url', 'email', 'e-mail', 'print', 'save', 'save article', 'saved', 'bookmark', 'tweet',
  'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'pinterest', 'reddit', 'telegram', 'listen to this article',
  'listen', 'listen to article', 'play', 'pause', 'more images', 'view gallery', 'open gallery', 'show caption',
  'hide caption', 'expand', 'enlarge', 'enlarge image', 'toggle caption', 'watch', 'watch video', 'video',
  'follow', 'follow us', 'gift this article', 'gift article', 'font size', 'text size', 'zoom', 'next', 'previous',
  'zum inhalt springen', 'zum hauptinhalt springen', 'teilen', 'artikel teilen', 'link kopieren', 'drucken',
  'merken', 'artikel merken', 'vorlesen', 'artikel anhören', 'anhören', 'schließen', 'mehr bilder', 'bildergalerie',
  'galerie öffnen', 'weiter', 'zurück', 'folgen',
  'aller au contenu', 'aller au contenu principal', 'partager', 'partager cet article', 'copier le lien',
  'lien copié', 'imprimer', 'sauvegarder', 'enregistrer', 'écouter', 'écouter cet article', 'écouter l’article',
  "écouter l'article", 'fermer', 'plus de photos', 'voir la galerie', 'suivre', 'offrir cet article',
  'ir al contenido', 'saltar al contenido', 'compartir', 'compartir en facebook', 'compartir en twitter',
  'copiar enlace', 'copiar link', 'enlace copiado', 'imprimir', 'guardar', 'escuchar', 'escuchar noticia',
  'share this with', 'share this page', 'share page', 'compartir en x', 'compartir en facebook', 'compartir en whatsapp',
  'partager sur x', 'partager sur facebook', 'auf facebook teilen', 'auf x teilen', 'print this article',
  'escuchar artículo', 'cerrar', 'más fotos', 'ver galería', 'seguir', 'correo electrónico', 'correo', 'enviar',
  'mail', 'messenger', 'telegram', 'flipboard', 'threads', 'bluesky', 'copy', 'copiar', 'share via', 'send',
  // Cookie-consent buttons.
  'accept', 'accept all', 'accept all cookies', 'reject all', 'reject', 'manage preferences', 'manage settings',
  'manage cookies', 'cookie settings', 'cookie preferences', 'i agree', 'agree', 'ok', 'got it', 'learn more',
  'alle akzeptieren', 'akzeptieren', 'ablehnen', 'alle ablehnen', 'einstellungen', 'zustimmen', 'tout accepter',
  'tout refuser', 'accepter', 'refuser', 'paramétrer', 'personnaliser', 'aceptar', 'aceptar todo', 'rechazar',
  'rechazar todo', 'configurar', 'configuración',
];

/** Ad slots. */
export const ADVERTISEMENT = [
  'advertisement', 'advertising', 'advert', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content',
  'promoted', 'story continues below advertisement', 'article continues below advertisement',
  'article continues below', 'story continues below', 'continue reading below', 'scroll to continue with content',
  'scroll to continue reading', 'content continues below', 'anzeige', 'werbung', 'gesponsert', 'sponsored post',
  'weiter nach der anzeige', 'artikel wird nach der anzeige fortgesetzt', 'publicité', 'la suite après cette publicité',
  'la suite après la publicité', 'contenu sponsorisé', 'sponsorisé', 'publicidad', 'anuncio', 'contenido patrocinado',
  'patrocinado', 'sigue leyendo después de la publicidad', 'continúa leyendo después del anuncio',
];

/** Comment boxes. */
export const COMMENTS = [
  'comments', 'comment', 'join the conversation', 'join the discussion', 'leave a comment', 'add a comment',
  'post a comment', 'show comments', 'view comments', 'hide comments', 'load comments', 'be the first to comment',
  'log in to comment', 'sign in to comment', 'comments are closed', 'have your say', 'discuss', 'reply',
  'kommentare', 'kommentar', 'kommentieren', 'kommentar schreiben', 'diskutieren sie mit', 'zur diskussion',
  'kommentare anzeigen', 'réagir', 'réagissez', 'commentaires', 'commentaire', 'commenter', 'laisser un commentaire',
  'voir les commentaires', 'participer à la discussion', 'comentarios', 'comentario', 'comentar',
  'deja un comentario', 'deja tu comentario', 'únete a la conversación', 'ver comentarios', 'participa',
  'comments are closed for this article', 'share what you think', 'the comments below have not been moderated',
  'share or comment on this article', 'add your comment', 'what do you think', 'kommentare anzeigen',
  'jump to comments', 'view all comments', 'ver comentarios', 'afficher les commentaires', 'commentaires (0)', 'comments are closed for this story', 'inicia sesión para comentar',
  'normas de participación', 'community guidelines', 'house rules', 'read our community guidelines',
  'kommentarfunktion geschlossen', 'die kommentarfunktion ist geschlossen', 'les commentaires sont fermés',
  'los comentarios están cerrados', 'comentarios cerrados', 'show all comments', 'open comments',
];

/** Site sections, as menus and breadcrumbs print them. */
export const SECTIONS = [
  'news', 'breaking', 'breaking news', 'latest', 'live', 'world', 'world news', 'international', 'uk', 'us', 'europe',
  'africa', 'asia', 'americas', 'middle east', 'australia', 'local', 'local news', 'national', 'regional', 'politics',
  'business', 'economy', 'economics', 'finance', 'markets', 'money', 'companies', 'tech', 'technology', 'science',
  'health', 'environment', 'climate', 'education', 'sport', 'sports', 'football', 'soccer', 'tennis', 'rugby',
  'cricket', 'golf', 'athletics', 'cycling', 'motorsport', 'basketball', 'baseball', 'culture', 'arts', 'books',
  'music', 'film', 'tv', 'media', 'entertainment', 'lifestyle', 'travel', 'food', 'style', 'opinion', 'analysis',
  'comment', 'features', 'investigations', 'weather', 'obituaries', 'crime', 'justice', 'law', 'courts', 'society',
  'religion', 'video', 'podcasts', 'exclusive', 'explainer', 'home', 'nachrichten', 'politik', 'wirtschaft',
  'finanzen', 'börse', 'wissen', 'wissenschaft', 'gesundheit', 'kultur', 'feuilleton', 'gesellschaft', 'panorama',
  'lokales', 'regionales', 'region', 'ausland', 'inland', 'deutschland', 'welt', 'meinung', 'kommentar', 'fußball',
  'reise', 'leben', 'digital', 'auto', 'mobilität', 'bildung', 'karriere', 'klima', 'eilmeldung', 'aktuell',
  'actualités', 'actualité', 'monde', 'international', 'politique', 'économie', 'société', 'culture', 'sciences',
  'santé', 'planète', 'environnement', 'sports', 'faits divers', 'justice', 'opinions', 'idées', 'débats',
  'région', 'régions', 'local', 'france', 'europe', 'médias', 'éducation', 'société', 'en direct', 'direct',
  'noticias', 'última hora', 'mundo', 'internacional', 'nacional', 'política', 'economía', 'sociedad', 'cultura',
  'deportes', 'ciencia', 'salud', 'tecnología', 'opinión', 'local', 'españa', 'méxico', 'argentina', 'latinoamérica',
  'medio ambiente', 'educación', 'sucesos', 'tendencias', 'espectáculos', 'en vivo', 'en directo',
];

/** Leading words of a related-story link inside the article: "READ MORE: …", "Lesen Sie auch: …". */
export const READ_MORE_LEADS = [
  'read more', 'read also', 'also read', 'related', 'related story', 'related article', 'see also', 'more',
  'more on this', 'more on this story', 'watch', 'listen', 'recommended', 'read next', 'read', 'click here',
  'lesen sie auch', 'lesen sie mehr', 'auch interessant', 'mehr zum thema', 'zum thema', 'lesetipp', 'lies auch',
  'passend dazu', 'ebenfalls interessant', 'das könnte sie auch interessieren', 'mehr dazu', 'video',
  'lire aussi', 'à lire aussi', 'a lire aussi', 'lire également', 'à lire également', 'voir aussi', 'à voir aussi',
  'a voir aussi', 'à lire', 'à voir', 'sur le même sujet', 'vidéo', 'lea también', 'lee también', 'leer más',
  'te puede interesar', 'le puede interesar', 'relacionado', 'relacionada', 'ver también', 'también puedes leer',
  'más información', 'vídeo', 'puede interesarte',
];

/** Leading words of a tag list: "Tags: Airlines, Earnings". */
export const TAG_LEADS = [
  'related topics', 'topics', 'more on these topics', 'explore more on these topics', 'tags', 'tagged', 'topics', 'related topics', 'keywords', 'filed under', 'more on', 'themen', 'schlagworte',
  'schlagwörter', 'stichworte', 'mehr zu', 'mots-clés', 'mots clés', 'sujets', 'thèmes', 'etiquetas', 'temas',
  'palabras clave',
];

/** Lines that credit reporting or editing: "Reporting by …; Editing by …". */
export const CREDIT_LEADS = [
  'reporting by', 'additional reporting by', 'additional reporting', 'editing by', 'edited by', 'compiled by',
  'writing by', 'produced by', 'graphics by', 'with reporting by', 'mit material von', 'mitarbeit', 'mit agenturen',
  'avec afp', 'avec agences', 'avec reuters', 'con información de', 'con agencias', 'edición de', 'información de',
];

/** Words of a photo credit that open it: "Photo: …", "Foto: …". */
export const PHOTO_WORDS = [
  'screenshot', 'screengrab', 'image credit', 'photo credit', 'picture credit', 'photo credits', 'pictured', 'main image', 'top image',
  'photo', 'photos', 'photograph', 'photography', 'picture', 'pictures', 'image', 'images', 'illustration',
  'graphic', 'credit', 'credits', 'source', 'video', 'foto', 'fotos', 'bild', 'bilder', 'grafik', 'quelle',
  'crédit', 'crédits', 'crédit photo', 'photo d’illustration', "photo d'illustration", 'fotografía', 'imagen',
  'crédito', 'créditos', 'fuente', 'ilustración',
];
