{ if = 1; then = 2; else = 3; let = 4; in = 5; rec = 6; with = 7; inherit = 8; assert = 9; }
