assert let { body = false; }; 0
