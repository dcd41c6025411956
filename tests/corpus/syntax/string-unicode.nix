"héllo — ✓"
