with (throw "not forced"); 5
