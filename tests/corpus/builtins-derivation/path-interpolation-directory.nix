"${./data-copy}"
