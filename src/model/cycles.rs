//! Waiting jobs that wait on each other (A waits for B, B for A): none can ever be
//! promoted. Found as the strongly connected groups of the waiting jobs' dependency
//! graph (Tarjan's algorithm: linear in jobs + dependencies).

use std::collections::HashMap;

use super::text::short_job;

/// For waiting jobs given as (id, pending dependencies): which lie on a dependency
/// cycle (by index), with a line naming the jobs of the cycle.
pub fn on_cycles(waiting: &[(&str, &[String])]) -> HashMap<usize, String> {
    let index: HashMap<&str, usize> = waiting
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    let edges: Vec<Vec<usize>> = waiting
        .iter()
        .map(|(_, deps)| {
            deps.iter()
                .filter_map(|d| index.get(d.as_str()).copied())
                .collect()
        })
        .collect();
    let mut cycle_of = HashMap::new();
    for g in strongly_connected(&edges).iter().filter(|g| g.len() > 1) {
        let mut names: Vec<String> = g.iter().take(4).map(|&i| short_job(waiting[i].0)).collect();
        if g.len() > 4 {
            names.push(format!("… {} more", g.len() - 4));
        }
        let text = format!(
            "dependency cycle among {} waiting jobs: {}",
            g.len(),
            names.join(", ")
        );
        for &i in g {
            cycle_of.insert(i, text.clone());
        }
    }
    cycle_of
}

/// Tarjan's strongly connected components, iteratively (no recursion depth limit).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let (mut index, mut low) = (vec![usize::MAX; n], vec![0; n]);
    let (mut on_stack, mut stack) = (vec![false; n], Vec::new());
    let (mut next, mut out) = (0, Vec::new());
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, position in its edge list)
        let mut call = vec![(root, 0usize)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut pos)) = call.last_mut() {
            if let Some(&w) = edges[v].get(*pos) {
                *pos += 1;
                if index[w] == usize::MAX {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut group = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    group.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(group);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_mutual_waiters_are_found() {
        // 0 ↔ 1, 2 → 0 (waits on the cycle but is not on it), 3 ↔ 4 ↔ 5 → 3, 6 alone.
        let edges = vec![vec![1], vec![0], vec![0], vec![4], vec![5], vec![3], vec![]];
        let mut groups: Vec<Vec<usize>> = strongly_connected(&edges)
            .into_iter()
            .filter(|g| g.len() > 1)
            .map(|mut g| {
                g.sort();
                g
            })
            .collect();
        groups.sort();
        assert_eq!(groups, vec![vec![0, 1], vec![3, 4, 5]]);
    }
}
