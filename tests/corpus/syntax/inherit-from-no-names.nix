{ a = 1; inherit (undefinedVar); }
