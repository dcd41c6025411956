args @ // 1
