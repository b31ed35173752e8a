print("comptoir-bench")
