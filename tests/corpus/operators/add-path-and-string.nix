./base + "-suffix"
