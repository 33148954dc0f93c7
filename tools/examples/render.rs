fn main() {
    let path = std::env::args().nth(1).unwrap_or("/".into());
    let r = closer_build::prerender::render(&path, "/");
    println!("TITLE: {}\n{}", r.title, r.body);
}
