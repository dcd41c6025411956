toString ./q
