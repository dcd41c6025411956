assert ({ a = 1; }.b or 3) == 4; 0
