./data
