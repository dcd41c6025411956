{ if = 1; }.if
