./dir/
